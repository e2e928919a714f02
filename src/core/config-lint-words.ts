/**
 * Word lists for the configuration lint (config-lint.ts), per language of the interface.
 * Lowercase; matched against lowercased text with spaces collapsed. Kept in one place so that
 * a lawyer or translator can review them without reading code.
 */

/**
 * Phrases that tell visitors they must accept to use the site: a cookie wall in words (CB-06).
 * "By continuing you accept…", "to continue, accept…" and the like.
 */
export const CONSENT_WALL_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'to continue, accept',
    'accept to continue',
    'by continuing',
    'if you continue',
    'continue browsing',
    'continuing to browse',
    'continued use',
    'by using this site',
    'by using this website',
    'by using our site',
    'by using our website',
    'by browsing',
    'by scrolling',
    'by clicking anywhere',
    'you must accept',
    'you have to accept',
    'you need to accept',
    'must be accepted',
    'required to use this',
    'accept cookies to use',
  ],
  sv: [
    'genom att fortsätta',
    'om du fortsätter',
    'för att fortsätta, godkänn',
    'godkänn för att fortsätta',
    'genom att använda webbplatsen',
    'genom att använda vår webbplats',
    'genom att använda sajten',
    'genom att surfa vidare',
    'genom att scrolla',
    'du måste godkänna',
    'du behöver godkänna',
    'måste godkännas',
    'måste acceptera',
  ],
  da: [
    'ved at fortsætte',
    'hvis du fortsætter',
    'for at fortsætte, accepter',
    'accepter for at fortsætte',
    'ved at bruge websitet',
    'ved at bruge hjemmesiden',
    'ved at bruge siden',
    'ved at bruge vores',
    'ved at browse',
    'ved at scrolle',
    'du skal acceptere',
    'du skal godkende',
    'skal accepteres',
  ],
  nb: [
    'ved å fortsette',
    'hvis du fortsetter',
    'for å fortsette, godta',
    'godta for å fortsette',
    'ved å bruke nettstedet',
    'ved å bruke nettsiden',
    'ved å bruke siden',
    'ved å bruke våre',
    'ved å surfe videre',
    'ved å scrolle',
    'du må godta',
    'du må akseptere',
    'må godtas',
  ],
  fi: [
    'jatkamalla',
    'jatkaaksesi',
    'käyttämällä sivustoa',
    'käyttämällä verkkosivustoa',
    'selaamalla',
    'sinun on hyväksyttävä',
    'sinun täytyy hyväksyä',
    'on hyväksyttävä',
  ],
  is: [
    'með því að halda áfram',
    'ef þú heldur áfram',
    'til að halda áfram, samþykktu',
    'samþykktu til að halda áfram',
    'með því að nota vefinn',
    'með því að nota vefsíðuna',
    'með því að vafra áfram',
    'með því að skruna',
    'þú verður að samþykkja',
    'þú þarft að samþykkja',
    'verður að samþykkja',
  ],
};

/**
 * A customised banner text must say that the visitor can refuse or withdraw (CB-10): one of
 * these stems in each language. The library's own default texts all pass.
 */
export const REFUSAL_WORDS: Readonly<Record<string, RegExp>> = {
  en: /\b(reject|refus|declin|say no|withdraw|opt out|only necessary)/,
  sv: /(avvis|neka|avböj|tacka nej|återkall|bara nödvändiga|endast nödvändiga)/,
  da: /(afvis|afslå|sige nej|trække .{0,40}tilbage|tilbagekald|kun nødvendige)/,
  nb: /(avvis|avslå|si nei|trekke .{0,40}tilbake|tilbakekall|bare nødvendige|kun nødvendige)/,
  fi: /(hylkää|hylätä|kieltäy|peruut|perua|vain välttämättömät)/,
  is: /(hafna|hafnað|afturkall|draga .{0,40}til baka|aðeins nauðsynleg)/,
};

/**
 * Cookies that are never strictly necessary: analytics and advertising (CB-13). A `*` at the end
 * matches every name starting with what comes before it.
 */
export const NEVER_NECESSARY_COOKIES: readonly string[] = [
  '_ga*', // Google Analytics
  '_gid',
  '_gat*',
  '__utm*',
  '_gcl_*', // Google Ads
  'IDE',
  'test_cookie',
  '_fbp', // Meta
  '_fbc',
  'fr',
  '_hj*', // Hotjar
  '_clck', // Microsoft Clarity
  '_clsk',
  '_uetsid', // Microsoft Ads
  '_uetvid',
  'MUID',
  '_pin_unauth', // Pinterest
  '_ttp', // TikTok
  '_tt_*',
  'li_fat_id', // LinkedIn
  'bcookie',
  '_scid', // Snapchat
];
