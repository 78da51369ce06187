import { initAll } from '/lib/govuk-frontend.min.js';

initAll();

// A page that answers the user's last action (such as a count after filtering) puts focus on that answer.
const answer = document.querySelector('[data-focus-on-load]');
if (answer) { answer.focus(); }
