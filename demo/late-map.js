// Demo pages: the "Find us" map, added to #map-slot a moment after load, as a CMS's later render
// would, so the page shows that an iframe inserted late still waits for consent. Never shipped.
export function addMapLater(category) {
  setTimeout(() => {
    const map = document.createElement('iframe');
    map.id = 'map';
    map.title = 'Map: how to find Demo Energi AB';
    map.width = '600';
    map.height = '400';
    // A real site: data-consent-src="https://www.google.com/maps/embed?pb=…" (the host picks the preset).
    map.dataset.consentCategory = category;
    map.dataset.consentProvider = 'googleMaps';
    map.dataset.consentSrc = 'embeds/map.html';
    document.querySelector('#map-slot').replaceChildren(map);
  }, 300);
}
