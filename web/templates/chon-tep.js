// Shows the chosen file names beside our own "Chọn tệp" button, so the
// page reads in Vietnamese whatever the browser's language.
document.querySelectorAll('label.file input[type=file]').forEach(function (input) {
  var shown = input.closest('form').querySelector('.chosen');
  input.addEventListener('change', function () {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    shown.textContent = names.length ? names.join(', ') : shown.dataset.none;
  });
});

// Copy buttons: a button with data-copy="ID" copies the text of element
// ID (a link, the reminder) and says so. The buttons stay hidden where
// this script does not run. Over plain HTTP from another computer the
// clipboard API is missing: the text is then selected and copied the old
// way.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  var source = document.getElementById(button.dataset.copy);
  if (!source) { return; }
  var label = button.textContent;
  button.hidden = false;
  button.addEventListener('click', function () {
    var text = 'value' in source ? source.value : source.textContent;
    var done = function () {
      button.textContent = 'Đã chép';
      button.classList.add('copied');
      setTimeout(function () { button.textContent = label; button.classList.remove('copied'); }, 2000);
    };
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { done(); } else { button.textContent = 'Chọn chữ rồi chép bằng tay'; }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  });
});
