import { initAll } from '/lib/govuk-frontend.min.js';

// The server lists a form's errors in no particular order: list them in the order of the page's
// fields, and send a link for a group of radios or checkboxes to its first input, as GOV.UK does.
for (const list of document.querySelectorAll('.govuk-error-summary__list')) {
  const targetOf = (li) => {
    const link = li.querySelector('a[href^="#"]');
    return link ? document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1))) : null;
  };
  const items = Array.from(list.children);
  for (const li of items) {
    const target = targetOf(li);
    if (target && !target.matches('input, select, textarea, button')) {
      const first = target.querySelector('input:not([type="hidden"]), select, textarea');
      if (first && first.id) { li.querySelector('a').setAttribute('href', '#' + first.id); }
    }
  }
  // Errors about the whole form (no field) stay first.
  items.sort((a, b) => {
    const ta = targetOf(a);
    const tb = targetOf(b);
    if (!ta || !tb) { return (ta ? 1 : 0) - (tb ? 1 : 0); }
    return ta.compareDocumentPosition(tb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  items.forEach((li) => list.appendChild(li));
}

initAll();

// A page that answers the user's last action (such as a count after filtering) puts focus on that answer.
const answer = document.querySelector('[data-focus-on-load]');
if (answer) { answer.focus(); }

// A wide table scrolls sideways inside its wrapper on a phone (WCAG 1.4.10): the wrapper is a named
// region that keyboard users can focus and scroll with the arrow keys, named by the table's caption.
for (const wrapper of document.querySelectorAll('.rt-table-wrapper')) {
  const caption = wrapper.querySelector('caption');
  wrapper.setAttribute('role', 'region');
  wrapper.setAttribute('tabindex', '0');
  if (!wrapper.hasAttribute('aria-label') && !wrapper.hasAttribute('aria-labelledby')) {
    // Without a caption, the heading just before the table names it.
    const before = wrapper.previousElementSibling;
    const name = caption && caption.textContent.trim() ? caption.textContent
      : before && /^H[1-6]$/.test(before.tagName) ? before.textContent : 'Table';
    wrapper.setAttribute('aria-label', name.trim().replace(/\s+/g, ' '));
  }
}
