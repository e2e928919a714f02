// Demo pages: the language menu at the end of the page's <header>. It sets <html lang>, which the
// elements follow without a reload. The choice is shared by the demo pages for this browser session.
const LANGUAGES = [
  ['en', 'English'],
  ['sv', 'Svenska'],
  ['da', 'Dansk'],
  ['nb', 'Norsk bokmål'],
  ['fi', 'Suomi'],
  ['is', 'Íslenska'],
];

const saved = sessionStorage.getItem('demo-locale');
if (saved) document.documentElement.lang = saved;

const label = document.createElement('label');
const select = document.createElement('select');
select.id = 'locale';
select.append(...LANGUAGES.map(([code, name]) => new Option(name, code)));
label.append('Language ', select);
document.querySelector('header').append(label);

select.value = document.documentElement.lang;
select.addEventListener('change', () => {
  document.documentElement.lang = select.value;
  sessionStorage.setItem('demo-locale', select.value);
});
