// A page showing work in progress (an import running) reloads itself every few seconds while it runs;
// the element with data-refresh says how many. The page offers a refresh link for those without scripts.
(function () {
  var el = document.querySelector('[data-refresh]');
  if (el) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(el.getAttribute('data-refresh')));
  }
})();
