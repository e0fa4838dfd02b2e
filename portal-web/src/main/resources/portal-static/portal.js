// Progressive enhancement only: every page works without JavaScript.
import { ErrorSummary, initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const UPLOADS = '/api/v1/uploads';
const BACK_OFF_SECONDS = [1, 2, 4, 8, 15];
// An unavailable portal is asked again for about two minutes; a lost connection is waited for as long as it takes.
const UNAVAILABLE_ATTEMPTS = 12;
// A connection that silently stops carrying data fires no error; give up on a part that sent nothing for this long.
const STALLED_MS = 60000;
const CONNECTION_LOST = 'Connection lost. The upload will continue when you are back online.';
const PORTAL_UNAVAILABLE = 'The portal cannot take the file at the moment. The upload will continue shortly.';
const YOURS_BUSY = 'You are sending several files at once. This one will continue shortly.';
const CHECK_UNAVAILABLE = 'The virus check is not available at the moment. The portal will try again shortly.';

/** The request never got an answer (network drop, timeout) or the portal was unavailable: worth retrying. */
class Interrupted extends Error {
  constructor(message, answer) {
    super(message);
    // set when the portal answered 502-504: retried a limited number of times, unlike a dropped connection
    this.answer = answer;
  }
}

/** The portal refused the request (application/problem+json): retrying would not help. */
class Refused extends Error {
  constructor(status, problem) {
    super(`HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Share forms marked data-upload-progress send their file as a resumable upload (docs/adr/0009), part by part, and
 * then post the form with the upload's id instead of the file, so the server's redirect and validation stay as they
 * are. A dropped connection costs at most the part in flight.
 */
for (const form of document.querySelectorAll('form[data-upload-progress]')) {
  if (typeof XMLHttpRequest === 'undefined' || typeof Blob === 'undefined' || !Blob.prototype.slice) {
    continue;
  }
  form.addEventListener('submit', (event) => {
    const fileInput = form.querySelector('input[type=file]');
    const file = fileInput && fileInput.files && fileInput.files[0];
    if (!file || !form.elements.upload) {
      return;
    }
    event.preventDefault();
    uploadThenSubmit(form, fileInput, file);
  });
  // A page restored from the back-forward cache still has its file input and button disabled from the last submit.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      form.querySelectorAll('input[type=file], button[type=submit]').forEach((element) => {
        element.disabled = false;
      });
      document.getElementById('upload-progress').hidden = true;
    }
  });
}

async function uploadThenSubmit(form, fileInput, file) {
  const id = await sendResumably(form, fileInput, file, { purpose: 'REPORT' }, '');
  if (id === null) {
    return;
  }
  document.getElementById('upload-progress-status').textContent = 'Checked. Sharing the report…';
  form.elements.upload.value = id;
  // A disabled control is not submitted, so the file is not sent a second time.
  fileInput.disabled = true;
  form.submit();
}

/**
 * Evidence upload forms (data-evidence-upload) send each chosen file as a resumable upload for their inspection's
 * request, one after the other with its own progress, then post the form with the uploads' ids instead of the files.
 * Without a classification chosen the form is posted as it is, and the portal says what is missing.
 */
for (const form of document.querySelectorAll('form[data-evidence-upload]')) {
  if (typeof XMLHttpRequest === 'undefined' || typeof Blob === 'undefined' || !Blob.prototype.slice) {
    continue;
  }
  form.addEventListener('submit', (event) => {
    const fileInput = form.querySelector('input[type=file]');
    const files = fileInput && fileInput.files ? Array.from(fileInput.files) : [];
    if (files.length === 0 || !form.querySelector('input[name=classificationTier]:checked')) {
      return;
    }
    event.preventDefault();
    uploadAllThenSubmit(form, fileInput, files);
  });
}

async function uploadAllThenSubmit(form, fileInput, files) {
  const ids = [];
  for (let index = 0; index < files.length; index += 1) {
    const file = files[index];
    const label = files.length > 1 ? `File ${index + 1} of ${files.length} (${file.name}): ` : '';
    const start = {
      purpose: 'INSPECTION_DOCUMENT', fileName: file.name, length: file.size,
      inspection: form.dataset.inspection, request: form.dataset.request,
    };
    const id = await sendResumably(form, fileInput, file, start, label);
    if (id === null) {
      return;
    }
    ids.push(id);
  }
  document.getElementById('upload-progress-status').textContent = 'Checked. Adding the files…';
  for (const id of ids) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'upload';
    field.value = id;
    form.append(field);
  }
  fileInput.disabled = true;
  form.submit();
}

/**
 * Sends one file as a resumable upload (docs/adr/0009), part by part, resuming after a dropped connection; resolves
 * with the checked upload's id, or null once a refusal is shown on the form.
 */
async function sendResumably(form, fileInput, file, startBody, label) {
  const panel = document.getElementById('upload-progress');
  const bar = document.getElementById('upload-progress-bar');
  const status = document.getElementById('upload-progress-status');
  const connection = document.getElementById('upload-connection');
  const button = form.querySelector('button[type=submit]');
  const csrfToken = form.elements.csrfToken.value;
  const memoryKey = `portal.upload:${startBody.purpose}:${startBody.request || ''}:${file.name}:${file.size}:`
      + `${file.lastModified}`;
  let current = null;
  let shownPercent = 0;

  // The bar only moves forward: bytes of a part lost in a dropped request are sent again before it moves on.
  const showSent = (bytes) => {
    const percent = Math.min(100, Math.floor((bytes * 100) / file.size));
    if (percent > shownPercent || status.textContent === '') {
      shownPercent = Math.max(shownPercent, percent);
      bar.value = shownPercent;
      status.textContent = `${label}Uploading: ${shownPercent}% sent`;
    }
  };
  const showConnection = (message) => {
    connection.replaceChildren();
    if (message) {
      const inset = document.createElement('div');
      inset.className = 'govuk-inset-text';
      inset.textContent = message;
      connection.append(inset);
    }
  };
  const dropCurrent = () => current && current.abort();

  const call = (method, url, body, onSent) => new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let stalled = null;
    const watch = () => {
      clearTimeout(stalled);
      stalled = setTimeout(() => request.abort(), STALLED_MS);
    };
    const interrupted = () => {
      clearTimeout(stalled);
      reject(new Interrupted(CONNECTION_LOST));
    };
    request.open(method, url);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (method !== 'GET') {
      request.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    if (typeof body === 'string') {
      request.setRequestHeader('Content-Type', 'application/json');
    }
    if (onSent) {
      request.upload.addEventListener('progress', (progress) => {
        watch();
        onSent(progress.loaded);
      });
      request.upload.addEventListener('load', () => clearTimeout(stalled));
      watch();
    }
    request.addEventListener('error', interrupted);
    request.addEventListener('abort', interrupted);
    request.addEventListener('timeout', interrupted);
    request.addEventListener('load', () => {
      clearTimeout(stalled);
      let answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (notJson) {
        answer = null;
      }
      if (request.status >= 200 && request.status < 300 && answer !== null) {
        resolve(answer);
      } else if (request.status === 0) {
        reject(new Interrupted(CONNECTION_LOST));
      } else if (request.status === 429) {
        // too many of this person's uploads at once (docs/adr/0039): wait and carry on, as for a busy portal
        reject(new Interrupted(YOURS_BUSY, new Refused(request.status, answer)));
      } else if (request.status === 502 || request.status === 503 || request.status === 504) {
        reject(new Interrupted(url.endsWith('/completion') ? CHECK_UNAVAILABLE : PORTAL_UNAVAILABLE,
            new Refused(request.status, answer)));
      } else {
        reject(new Refused(request.status, answer));
      }
    });
    current = request;
    request.send(body === undefined ? null : body);
  });

  const startOrResume = async () => {
    const remembered = recall(memoryKey);
    if (remembered) {
      try {
        const known = await call('GET', `${UPLOADS}/${encodeURIComponent(remembered)}`);
        if (known && known.length === file.size && (known.status === 'RECEIVING' || known.status === 'READY')) {
          return known;
        }
      } catch (failure) {
        if (failure instanceof Interrupted) {
          throw failure;
        }
      }
      forget(memoryKey);
    }
    const started = await call('POST', UPLOADS,
        JSON.stringify({ ...startBody, fileName: file.name, length: file.size }));
    remember(memoryKey, started.id);
    return started;
  };

  const partSize = (upload, number) => Math.min(upload.partSize, upload.length - (number - 1) * upload.partSize);
  const confirmedBytes = (upload) => upload.receivedParts.reduce((sum, number) => sum + partSize(upload, number), 0);

  panel.hidden = false;
  button.disabled = true;
  bar.value = 0;
  status.textContent = '';
  showConnection(null);
  showSent(0);
  window.addEventListener('offline', dropCurrent);

  let upload = null;
  let resync = false;
  let attempt = 0;
  let unavailable = 0;
  let conflicts = 0;
  try {
    for (;;) {
      try {
        if (upload === null) {
          upload = await startOrResume();
          showConnection(null);
        } else if (resync) {
          upload = await call('GET', `${UPLOADS}/${encodeURIComponent(upload.id)}`);
          showConnection(null);
        }
        resync = false;
        if (upload.status === 'READY') {
          break;
        }
        const confirmed = confirmedBytes(upload);
        showSent(confirmed);
        const missing = [];
        for (let number = 1; number <= upload.partCount; number += 1) {
          if (!upload.receivedParts.includes(number)) {
            missing.push(number);
          }
        }
        if (missing.length > 0) {
          const number = missing[0];
          const from = (number - 1) * upload.partSize;
          upload = await call('PUT', `${UPLOADS}/${encodeURIComponent(upload.id)}/parts/${number}`,
              file.slice(from, from + partSize(upload, number)), (sent) => showSent(confirmed + sent));
        } else {
          status.textContent = `${label}Checking the file for viruses…`;
          upload = await call('POST', `${UPLOADS}/${encodeURIComponent(upload.id)}/completion`);
        }
        attempt = 0;
        unavailable = 0;
        showConnection(null);
      } catch (failure) {
        if (failure instanceof Interrupted && failure.answer && unavailable >= UNAVAILABLE_ATTEMPTS) {
          throw failure.answer;
        }
        if (failure instanceof Interrupted) {
          unavailable = failure.answer ? unavailable + 1 : 0;
          showConnection(failure.message);
          await pause(BACK_OFF_SECONDS[Math.min(attempt, BACK_OFF_SECONDS.length - 1)]);
          attempt += 1;
          // Ask which parts arrived rather than assume: the last one may have landed without its answer reaching us.
          resync = upload !== null;
        } else if (failure instanceof Refused && failure.status === 409 && upload !== null && conflicts < 3) {
          conflicts += 1;
          resync = true;
        } else {
          throw failure;
        }
      }
    }
  } catch (failure) {
    window.removeEventListener('offline', dropCurrent);
    if (!(failure instanceof Refused) || (failure.status !== 401 && failure.status !== 403)) {
      forget(memoryKey);
    }
    panel.hidden = true;
    button.disabled = false;
    showProblem(form, fileInput, failure);
    return null;
  }
  window.removeEventListener('offline', dropCurrent);
  showConnection(null);
  bar.value = 100;
  status.textContent = `${label}Checked.`;
  forget(memoryKey);
  return upload.id;
}

/** Waits before a retry, cut short when the browser says it is back online. */
function pause(seconds) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, seconds * 1000);
    window.addEventListener('online', done);
  });
}

/** Shows a refusal as the server's pages do: a GOV.UK error summary, and the message at the file field. */
function showProblem(form, fileInput, failure) {
  const problem = failure instanceof Refused ? failure.problem : {};
  const fieldMessage = (problem.errors || []).map((error) => error.message).find(Boolean);
  const message = problem.detail || fieldMessage || problem.title
      || 'The file could not be uploaded. Try again, or contact the service desk if it keeps happening.';

  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.dataset.module = 'govuk-error-summary';
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'govuk-error-summary__title';
  title.textContent = 'There is a problem';
  const body = document.createElement('div');
  body.className = 'govuk-error-summary__body';
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-error-summary__list';
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `#${fileInput.id}`;
  link.textContent = message;
  item.append(link);
  list.append(item);
  body.append(list);
  alert.append(title, body);
  summary.append(alert);

  const main = document.getElementById('main-content') || form.parentElement;
  main.querySelectorAll('.govuk-error-summary').forEach((old) => old.remove());
  main.prepend(summary);

  const group = fileInput.closest('.govuk-form-group');
  if (group) {
    group.classList.add('govuk-form-group--error');
    group.querySelectorAll('.govuk-error-message').forEach((old) => old.remove());
    const error = document.createElement('p');
    error.id = `${fileInput.id}-error`;
    error.className = 'govuk-error-message';
    const hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = 'Error:';
    error.append(hidden, ` ${message}`);
    fileInput.before(error);
    fileInput.classList.add('govuk-file-upload--error');
    fileInput.setAttribute('aria-describedby', error.id);
  }
  if (!document.title.startsWith('Error:')) {
    document.title = `Error: ${document.title}`;
  }
  new ErrorSummary(summary);
}

function recall(key) {
  try {
    return window.sessionStorage.getItem(key);
  } catch (unavailable) {
    return null;
  }
}

function remember(key, id) {
  try {
    window.sessionStorage.setItem(key, id);
  } catch (unavailable) {
    // Without storage a reloaded page starts the upload again; nothing else depends on it.
  }
}

function forget(key) {
  try {
    window.sessionStorage.removeItem(key);
  } catch (unavailable) {
    // as in remember()
  }
}
