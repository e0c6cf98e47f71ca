// In /embed/<id>/: applies ?theme= and posts the height to the host (AMP form and ours).
(function () {
  var d = document.documentElement, m = /[?&]theme=(light|dark|auto)(&|$)/.exec(location.search), last = 0;
  if (m) d.setAttribute('data-theme', m[1]);
  function send() {
    var h = Math.ceil(d.getBoundingClientRect().height);
    if (h === last || parent === window) return;
    last = h;
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    parent.postMessage({ type: 'pbm-embed-size', height: h, embed: location.pathname }, '*');
  }
  // The host's /embed.js may load after us: it pings, we answer.
  addEventListener('message', function (e) {
    if (e.source === parent && e.data && e.data.type === 'pbm-embed-ping') { last = 0; send(); }
  });
  if (window.ResizeObserver) new ResizeObserver(send).observe(d);
  addEventListener('load', send);
  send();
})();
