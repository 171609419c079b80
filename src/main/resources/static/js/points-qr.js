// Replaces the counter QR code with a fresh one every minute (each code is valid two minutes).
(function () {
  var box = document.getElementById('counter');
  if (!box || !window.fetch) {
    return;
  }
  setInterval(function () {
    fetch('/me/points/qr', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#counter');
        if (fresh) { box.innerHTML = fresh.innerHTML; }
      });
  }, 60000);
})();
