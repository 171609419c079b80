// The printable guide's "print" button (no inline handlers: the pages' Content-Security-Policy forbids them).
document.querySelectorAll('.print-now').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
