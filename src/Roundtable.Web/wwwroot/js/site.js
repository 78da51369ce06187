import { initAll } from '/lib/govuk-frontend.min.js';

initAll();
