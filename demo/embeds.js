// Demo-page wiring only: adds the map a moment after load, as a CMS's later render would. Never shipped.
import './page-menu.js';
import './language-switcher.js';

function addMap() {
  const slot = document.querySelector('#map-slot');
  const map = document.createElement('iframe');
  map.id = 'map';
  map.title = 'Map: how to find Demo Energi AB';
  map.width = '600';
  map.height = '400';
  // A real site: data-consent-src="https://www.google.com/maps/embed?pb=…" (the host picks the preset).
  map.dataset.consentCategory = 'marketing';
  map.dataset.consentProvider = 'googleMaps';
  map.dataset.consentSrc = 'embeds/map.html';
  slot.replaceChildren(map);
}

setTimeout(addMap, 300);
