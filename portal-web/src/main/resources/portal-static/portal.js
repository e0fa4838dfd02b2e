// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Upload forms marked data-upload-progress send with XMLHttpRequest so that progress can be shown.
for (const form of document.querySelectorAll('form[data-upload-progress]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const panel = document.getElementById('upload-progress');
    const bar = document.getElementById('upload-progress-bar');
    const status = document.getElementById('upload-progress-status');
    const button = form.querySelector('button[type=submit]');
    panel.hidden = false;
    button.disabled = true;
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) {
        const percent = Math.floor((progress.loaded / progress.total) * 100);
        bar.value = percent;
        status.textContent = `Uploading: ${percent}% sent`;
      }
    });
    request.upload.addEventListener('load', () => {
      bar.value = 100;
      status.textContent = 'Uploaded. Checking and encrypting the file…';
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300 && request.responseURL !== form.action) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => {
      status.textContent = 'The upload was interrupted. Check your connection and try again.';
      button.disabled = false;
    });
    request.send(new FormData(form));
  });
}
