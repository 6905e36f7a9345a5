// The form in the browser: when the clerk leaves a field they changed, the
// form is saved as a draft and checked on the server, and the findings the
// server wrote (beside each field, and the summary at the top) replace the
// ones on the page. The inputs are never touched, so nothing typed is lost.
// Without this script the buttons post the form and the page comes back
// with the same findings.
(function () {
  var form = document.getElementById('bieu-mau');
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }
  var status = document.getElementById('luu');
  var latest = 0;

  function apply(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('[data-check][id]').forEach(function (fresh) {
      var old = document.getElementById(fresh.id);
      if (old) {
        old.replaceWith(document.importNode(fresh, true));
      }
    });
    status = document.getElementById('luu');
    form.querySelectorAll('input[id], select[id], textarea[id]').forEach(function (input) {
      var fresh = doc.getElementById(input.id);
      var bad = fresh && fresh.getAttribute('aria-invalid') === 'true';
      if (bad) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
      var field = input.closest('.field');
      if (field) {
        field.classList.toggle('invalid', bad);
      }
    });
  }

  function check() {
    var n = ++latest;
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'save');
    status.textContent = form.dataset.saving;
    // form.action would be the buttons named "action": read the attribute.
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (resp) {
      if (resp.status === 503) { // saved, but the desk is too busy to check now
        return null;
      }
      if (!resp.ok && resp.status !== 422) {
        throw new Error(String(resp.status));
      }
      return resp.text();
    }).then(function (html) {
      if (n !== latest) { // an older answer never overwrites a newer one
        return;
      }
      if (html === null) {
        status.textContent = form.dataset.busy;
      } else {
        apply(html);
      }
    }).catch(function () {
      if (n === latest) {
        status.textContent = form.dataset.failed;
      }
    });
  }

  form.addEventListener('change', check);
})();
