// Demo-page wiring only: adds the map a moment after load, as a CMS's later render would. Never shipped.
import './page-menu.js';
import './language-switcher.js';
import { addMapLater } from './late-map.js';

addMapLater('marketing');
