// The resident signs on the visitor's phone: pointer strokes on a canvas; on submit the drawing goes
// into the form's hidden "signature" field as a PNG data URL (left empty when nothing was drawn).
document.querySelectorAll('form.signature-form').forEach(function (form) {
  var canvas = form.querySelector('canvas.signature-pad');
  var field = form.querySelector('input[name=signature]');
  var ctx = canvas.getContext('2d');
  var drawn = false;
  var last = null;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#111827';
  function point(e) {
    var r = canvas.getBoundingClientRect();
    return {x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height};
  }
  canvas.addEventListener('pointerdown', function (e) { last = point(e); canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', function (e) {
    if (!last) { return; }
    var p = point(e);
    ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(p.x, p.y); ctx.stroke();
    last = p; drawn = true;
  });
  canvas.addEventListener('pointerup', function () { last = null; });
  form.querySelector('.signature-clear').addEventListener('click', function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height); drawn = false;
  });
  form.addEventListener('submit', function () { field.value = drawn ? canvas.toDataURL('image/png') : ''; });
});
