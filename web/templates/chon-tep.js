// Shows the chosen file names beside our own "Chọn tệp" button, so the
// page reads in Vietnamese whatever the browser's language.
document.querySelectorAll('label.file input[type=file]').forEach(function (input) {
  var shown = input.closest('form').querySelector('.chosen');
  input.addEventListener('change', function () {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    shown.textContent = names.length ? names.join(', ') : shown.dataset.none;
  });
});
