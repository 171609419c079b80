// The lobby screen is a display, not a page anyone works in: it reloads itself every minute so the
// clock, the places left, the study room and who is on duty stay current without anyone touching it.
setTimeout(function () { window.location.reload(); }, 60000);
