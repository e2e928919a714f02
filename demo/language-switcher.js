// Demo pages: the language menu sets <html lang>, which the elements follow without a reload.
// The choice is shared by the demo pages for this browser session.
const select = document.querySelector('#locale');
const saved = sessionStorage.getItem('demo-locale');
if (saved) document.documentElement.lang = saved;
if (select) {
  select.value = document.documentElement.lang;
  select.addEventListener('change', () => {
    document.documentElement.lang = select.value;
    sessionStorage.setItem('demo-locale', select.value);
  });
}
