// Browser-side helpers for the portal: resumable uploads with progress, and the clipboard.

// Each upload is sent in chunks into one upload on the server. When a chunk fails on the network the
// browser waits, asks the server how much it holds, and goes on from there; the server waits
// Glance:Limits:UploadIdleTimeout (60 s by default) for it, so the retries span a little more.
const chunkSize = 8 << 20;
const retryDelays = [1, 2, 4, 8, 15, 15, 15, 15, 15];
const uploads = new Map();

window.addEventListener('beforeunload', e => {
    // After the portal restarted (reconnect.js reloads), the server has forgotten the uploads anyway.
    if (uploads.size > 0 && !window.glancePortalRestarted) {
        e.preventDefault();
        e.returnValue = '';
    }
});

export function fileInfo(input) {
    const file = input && input.files && input.files[0];
    return file ? { name: file.name, size: file.size } : null;
}

// Uploads the file chosen in input: begins a session at beginUrl, sends the chunks, and tells .NET
// OnProgress(id, sent, total) at most five times a second, OnRetrying(id, attempt, seconds) when the
// network failed, and OnFinished(id, status, message) once: 204 stored, -1 cancelled, else the error.
export function upload(id, input, beginUrl, token, dotnet) {
    const file = input.files[0];
    const state = { id, file, token, dotnet, xhr: null, cancelled: false, session: null, lastProgress: 0 };
    uploads.set(id, state);
    run(state, beginUrl).catch(e => finish(state, 0, 'The upload stopped in the browser: ' + e));
}

export async function cancel(id) {
    const state = uploads.get(id);
    if (!state) {
        return;
    }
    state.cancelled = true;
    if (state.session) {
        if (state.xhr) {
            state.xhr.abort();
        }
        // The server stops its upload and puts the image back to queued, unless the data was already stored.
        const answer = await send(state, 'DELETE', sessionUrl(state), null);
        if (answer.status === 200 && parse(answer.body)?.state === 'active') {
            return finish(state, 204, null);
        }
    }
    // Before the server has answered the begin, run() cancels the session the answer names.
    finish(state, -1, 'Upload cancelled.');
}

async function run(state, beginUrl) {
    const size = state.file.size;
    const begun = await send(state, 'POST', beginUrl, JSON.stringify({ size }), 'application/json');
    if (state.cancelled) {
        if (begun.status === 200) {
            state.session = JSON.parse(begun.body);
            await send(state, 'DELETE', sessionUrl(state), null);
        }
        return;
    }
    if (begun.status !== 200) {
        return finish(state, begun.status, problem(begun.body, begun.status));
    }
    state.session = JSON.parse(begun.body);
    let status = state.session;
    let failures = 0;
    let conflicts = 0;
    while (!state.cancelled) {
        if (status.state === 'active') {
            return finish(state, 204, null);
        }
        if (status.state === 'failed') {
            return finish(state, status.status || 500, status.message);
        }
        const offset = status.offset;
        const chunk = state.file.slice(offset, Math.min(offset + chunkSize, size));
        const answer = await send(state, 'PUT', sessionUrl(state) + '?offset=' + offset, chunk, 'application/octet-stream',
            loaded => progress(state, offset + loaded, size));
        if (state.cancelled) {
            return;
        }
        if (answer.status === 200) {
            failures = 0;
            conflicts = 0;
            status = JSON.parse(answer.body);
            progress(state, status.offset, size, true);
            continue;
        }
        const held = answer.status === 409 ? parse(answer.body) : null;
        if (held && held.state && ++conflicts < 60) {
            // The server still reads a request the network dropped, or holds a different offset.
            await sleep(0.5);
            status = held;
            continue;
        }
        if (!transient(answer.status)) {
            return finish(state, answer.status, problem(answer.body, answer.status));
        }
        status = await recover(state, ++failures);
        if (state.cancelled) {
            return;
        }
        if (!status) {
            return finish(state, 0, 'The connection to the portal was lost and did not come back; the image has no data. Upload the file again.');
        }
        failures = status.offset > offset ? 0 : failures;
    }
}

// Waits before retry number attempt, then asks the server where the upload got to.
async function recover(state, attempt) {
    while (attempt <= retryDelays.length && !state.cancelled) {
        const seconds = retryDelays[attempt - 1];
        call(state, 'OnRetrying', state.id, attempt, seconds);
        await sleep(seconds);
        const answer = await send(state, 'GET', sessionUrl(state), null);
        if (answer.status === 200) {
            return JSON.parse(answer.body);
        }
        if (!transient(answer.status)) {
            return null;
        }
        attempt++;
    }
    return null;
}

function transient(status) {
    return status === 0 || status === 408 || status === 502 || status === 503 || status === 504;
}

function sessionUrl(state) {
    return 'portal/uploads/' + state.session.id;
}

function send(state, method, url, body, type, onProgress) {
    return new Promise(resolve => {
        const xhr = new XMLHttpRequest();
        state.xhr = xhr;
        xhr.open(method, url);
        xhr.setRequestHeader('RequestVerificationToken', state.token);
        if (type) {
            xhr.setRequestHeader('Content-Type', type);
        }
        if (onProgress) {
            xhr.upload.onprogress = e => onProgress(e.loaded);
        }
        xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
        xhr.onerror = () => resolve({ status: 0, body: '' });
        xhr.onabort = () => resolve({ status: 0, body: '' });
        xhr.ontimeout = () => resolve({ status: 0, body: '' });
        xhr.send(body);
    });
}

function progress(state, sent, total, force) {
    const now = performance.now();
    if (force || now - state.lastProgress > 200) {
        state.lastProgress = now;
        call(state, 'OnProgress', state.id, sent, total);
    }
}

// The finish must reach .NET even if the circuit is reconnecting just then.
async function finish(state, status, message) {
    if (!uploads.has(state.id)) {
        return;
    }
    uploads.delete(state.id);
    for (let tries = 0; tries < 30; tries++) {
        if (await call(state, 'OnFinished', state.id, status, message || null)) {
            return;
        }
        await sleep(2);
    }
}

async function call(state, method, ...args) {
    try {
        await state.dotnet.invokeMethodAsync(method, ...args);
        return true;
    } catch {
        return false;
    }
}

function parse(body) {
    try {
        return JSON.parse(body);
    } catch {
        return null;
    }
}

function problem(body, status) {
    const detail = parse(body)?.detail;
    if (detail) {
        return detail;
    }
    return status === 0 ? 'The connection to the portal was lost.' : 'The upload failed (HTTP ' + status + ').';
}

function sleep(seconds) {
    return new Promise(resolve => setTimeout(resolve, seconds * 1000));
}

export async function copy(text) {
    await navigator.clipboard.writeText(text);
}

// The theme: the one the user chose here before, or else the browser's preference.
export function theme() {
    const saved = localStorage.getItem('glance-theme');
    return saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

export function saveTheme(dark) {
    localStorage.setItem('glance-theme', dark ? 'dark' : 'light');
}
