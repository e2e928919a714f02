/** The staff console's entry: defines <staff-console> and every page it shows. */
import './views/staff-console.js';
