using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Glance.Portal.Components.Images;

/// <summary>
/// The uploads of this browser tab. It lives as long as the circuit, not the page that started an
/// upload, so a file keeps going while the user browses elsewhere; the tray in the layout shows them.
/// </summary>
public sealed class UploadTray(IJSRuntime js, TimeProvider clock, AntiforgeryStateProvider antiforgery) : IAsyncDisposable
{
    private readonly List<TrayUpload> _uploads = [];
    private IJSObjectReference? _module;
    private DotNetObjectReference<UploadTray>? _self;

    /// <summary>Raised when an upload is added, moves on, ends or is dismissed.</summary>
    public event Action? Changed;

    /// <summary>Raised once when an upload ends, however it ended.</summary>
    public event Action<TrayUpload>? Ended;

    public IReadOnlyList<TrayUpload> Uploads => _uploads;

    public async Task<IJSObjectReference> ModuleAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/portal.js");

    /// <summary>Starts uploading the file chosen in <paramref name="input"/> into the image's data.</summary>
    public async Task<TrayUpload> StartAsync(ElementReference input, string imageId, string imageName, string fileName, long size)
    {
        var upload = new TrayUpload("upload-" + Guid.NewGuid().ToString("N"), imageId, imageName, fileName, new UploadProgress(clock));
        upload.Progress.Start(size);
        _uploads.Add(upload);
        _self ??= DotNetObjectReference.Create(this);
        var token = antiforgery.GetAntiforgeryToken()?.Value ?? "";
        await (await ModuleAsync()).InvokeVoidAsync("upload", upload.Id, input, $"portal/images/{Uri.EscapeDataString(imageId)}/uploads", token, _self);
        Changed?.Invoke();
        return upload;
    }

    public async Task CancelAsync(TrayUpload upload) => await (await ModuleAsync()).InvokeVoidAsync("cancel", upload.Id);

    /// <summary>Takes an ended upload off the tray.</summary>
    public void Dismiss(TrayUpload upload)
    {
        if (upload.Progress.State != UploadState.Uploading && _uploads.Remove(upload))
        {
            Changed?.Invoke();
        }
    }

    [JSInvokable]
    public void OnProgress(string id, long sent, long total) => Update(id, upload => upload.Progress.Report(sent, total));

    [JSInvokable]
    public void OnRetrying(string id, int attempt, int seconds) => Update(id, upload => upload.Progress.Retrying(attempt, seconds));

    [JSInvokable]
    public void OnFinished(string id, int status, string? message) => Update(id, upload =>
    {
        switch (status)
        {
            case >= 200 and < 300:
                upload.Progress.Complete();
                break;
            case -1:
                upload.Progress.Cancel();
                break;
            default:
                upload.Progress.Fail(message ?? $"The upload failed (HTTP {status}).");
                break;
        }
        Ended?.Invoke(upload);
    });

    private void Update(string id, Action<TrayUpload> change)
    {
        if (_uploads.Find(u => u.Id == id) is not { } upload)
        {
            return;
        }
        change(upload);
        upload.RaiseChanged();
        Changed?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}

/// <summary>One upload on the tray: which file goes into which image, and how far it got.</summary>
public sealed class TrayUpload(string id, string imageId, string imageName, string fileName, UploadProgress progress)
{
    public string Id { get; } = id;

    public string ImageId { get; } = imageId;

    public string ImageName { get; } = imageName;

    public string FileName { get; } = fileName;

    public UploadProgress Progress { get; } = progress;

    /// <summary>Raised on progress and when the upload ends; the state says which.</summary>
    public event Action? Changed;

    internal void RaiseChanged() => Changed?.Invoke();
}
