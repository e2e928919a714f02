/**
 * The supervisory authorities the notice names for complaints (GDPR Art. 77, PN-08), by
 * country code. Names and addresses from requirements Appendix A; a configuration can override
 * both, or name another authority.
 */
import type { LocalizedText } from '../core/config-types.js';
import type { Authority, AuthorityCountry } from './notice-config.js';

export interface ResolvedAuthority {
  name: LocalizedText;
  url: string;
}

export const AUTHORITIES: Readonly<Record<AuthorityCountry, ResolvedAuthority>> = {
  SE: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
  DK: { name: 'Datatilsynet', url: 'https://www.datatilsynet.dk' },
  NO: { name: 'Datatilsynet', url: 'https://www.datatilsynet.no' },
  // Finland is bilingual: the office has an official Finnish and Swedish name.
  FI: {
    name: { fi: 'Tietosuojavaltuutetun toimisto', sv: 'Dataombudsmannens byrå', en: 'Office of the Data Protection Ombudsman' },
    url: 'https://tietosuoja.fi',
  },
  IS: { name: 'Persónuvernd', url: 'https://www.personuvernd.is' },
};

/** The authority to name: the built-in one for the country, with the configuration's overrides. */
export function resolveAuthority(authority: Authority): ResolvedAuthority {
  const builtIn = 'country' in authority ? AUTHORITIES[authority.country] : undefined;
  return {
    name: authority.name ?? builtIn!.name,
    url: authority.url ?? builtIn!.url,
  };
}
