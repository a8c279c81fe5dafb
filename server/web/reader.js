// nutgraf reader: progressive enhancement only. Without this script the
// "Get a summary" link loads the page with the summary rendered on the
// server; with it, the summary comes from the JSON API without a reload.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('get-summary');
  var box = document.getElementById('summary');
  if (!button || !box || !window.fetch) return;
  button.addEventListener('click', function (event) {
    event.preventDefault();
    button.setAttribute('aria-busy', 'true');
    fetch(button.getAttribute('data-api'), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (data) {
        var h = document.createElement('h2');
        h.textContent = 'Summary';
        var list = document.createElement('ul');
        data.summary.sentences.forEach(function (s) {
          var li = document.createElement('li');
          li.textContent = s.text; // text, never HTML
          list.appendChild(li);
        });
        box.replaceChildren(h, list);
        box.hidden = false;
        button.hidden = true;
      })
      .catch(function () { window.location.href = button.href; });
  });
});
