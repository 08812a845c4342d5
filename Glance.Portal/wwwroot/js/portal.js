// Browser-side helpers for the portal: streaming uploads with progress, and the clipboard.
const uploads = new Map();

export function fileInfo(input) {
    const file = input && input.files && input.files[0];
    return file ? { name: file.name, size: file.size } : null;
}

// PUTs the chosen file as the request body (the browser streams it from disk), reporting progress to
// .NET at most five times a second, and always once at the end.
export function upload(id, input, url, token, dotnet) {
    const file = input.files[0];
    const xhr = new XMLHttpRequest();
    uploads.set(id, xhr);
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('RequestVerificationToken', token);
    let last = 0;
    xhr.upload.onprogress = e => {
        const now = performance.now();
        if (now - last > 200 || e.loaded === e.total) {
            last = now;
            dotnet.invokeMethodAsync('OnProgress', e.loaded, e.total);
        }
    };
    const done = (status, text) => {
        uploads.delete(id);
        dotnet.invokeMethodAsync('OnFinished', status, text);
    };
    xhr.onload = () => done(xhr.status, xhr.responseText);
    xhr.onerror = () => done(0, 'The connection to the portal was lost.');
    xhr.onabort = () => done(-1, 'Cancelled.');
    xhr.send(file);
}

export function cancel(id) {
    const xhr = uploads.get(id);
    if (xhr) {
        xhr.abort();
    }
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
