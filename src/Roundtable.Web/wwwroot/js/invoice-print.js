// "Print this invoice": the print stylesheet leaves only the invoice on the page.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
