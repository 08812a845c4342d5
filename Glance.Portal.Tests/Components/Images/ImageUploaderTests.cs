using Bunit;
using Glance.Portal.Components.Images;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>The uploader and the tray as the browser reports progress, retries and the end of an upload.</summary>
public sealed class ImageUploaderTests : PortalComponentContext
{
    private BunitJSModuleInterop _module = null!;

    private IRenderedComponent<ImageUploader> RenderUploader(List<bool> finished)
    {
        SignIn("alice", "demo-a", "member", "reader");
        _module = JSInterop.SetupModule("./js/portal.js");
        _module.Setup<ImageUploader.FileInfo?>("fileInfo", _ => true).SetResult(new ImageUploader.FileInfo("disk.qcow2", 1000));
        _module.SetupVoid("upload", _ => true).SetVoidResult();
        _module.SetupVoid("cancel", _ => true).SetVoidResult();
        return Render<ImageUploader>(p => p.Add(c => c.Finished, (bool stored) => finished.Add(stored)));
    }

    /// <summary>Chooses the file and starts; returns the tray's entry, which the browser's callbacks name.</summary>
    private async Task<TrayUpload> StartAsync(IRenderedComponent<ImageUploader> cut)
    {
        await cut.Find("[data-testid=upload-file]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs());
        await cut.InvokeAsync(() => cut.Instance.StartAsync("image-1", "Debian 13"));
        return Assert.Single(Service<UploadTray>().Uploads);
    }

    [Fact]
    public async Task Starting_hands_the_file_to_the_browser_with_the_session_url_and_the_antiforgery_token()
    {
        var cut = RenderUploader([]);
        var upload = await StartAsync(cut);

        var call = Assert.Single(_module.Invocations, i => i.Identifier == "upload");
        Assert.Equal(upload.Id, call.Arguments[0]);
        Assert.Equal("portal/images/image-1/uploads", call.Arguments[2]);
        Assert.Equal("test-token", call.Arguments[3]);
        Assert.Equal(("image-1", "Debian 13", "disk.qcow2", 1000L), (upload.ImageId, upload.ImageName, upload.FileName, upload.Progress.Total));
        Assert.Equal("uploading", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task Progress_then_success_shows_100_percent_and_reports_the_data_stored()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        var upload = await StartAsync(cut);
        var tray = Service<UploadTray>();

        await cut.InvokeAsync(() => tray.OnProgress(upload.Id, 500, 1000));
        cut.WaitForAssertion(() => Assert.Equal("50", cut.Find("[data-testid=upload-progress]").GetAttribute("data-percent")));
        Assert.NotNull(cut.Find("[data-testid=upload-cancel]"));

        await cut.InvokeAsync(() => tray.OnFinished(upload.Id, 204, null));

        cut.WaitForAssertion(() => Assert.Equal("done", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state")));
        Assert.Equal("100", cut.Find("[data-testid=upload-progress]").GetAttribute("data-percent"));
        Assert.Empty(cut.FindAll("[data-testid=upload-cancel]"));
        cut.WaitForAssertion(() => Assert.Equal([true], finished));
    }

    [Fact]
    public async Task A_dropped_connection_says_it_retries_and_the_message_goes_when_bytes_move_again()
    {
        var cut = RenderUploader([]);
        var upload = await StartAsync(cut);
        var tray = Service<UploadTray>();
        await cut.InvokeAsync(() => tray.OnProgress(upload.Id, 400, 1000));

        await cut.InvokeAsync(() => tray.OnRetrying(upload.Id, 2, 4));
        cut.WaitForAssertion(() => Assert.Contains("trying again in 4 s (attempt 2)", cut.Find("[data-testid=upload-message]").TextContent));
        Assert.Equal("uploading", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state"));

        await cut.InvokeAsync(() => tray.OnProgress(upload.Id, 600, 1000));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=upload-message]")));
    }

    [Fact]
    public async Task A_refused_upload_shows_the_domains_reason()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        var upload = await StartAsync(cut);

        await cut.InvokeAsync(() => Service<UploadTray>().OnFinished(upload.Id, 413, "Image exceeds the storage quota: the size cap is 10 bytes."));

        cut.WaitForAssertion(() => Assert.Equal("failed", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state")));
        Assert.Equal("Image exceeds the storage quota: the size cap is 10 bytes.", cut.Find("[data-testid=upload-message]").TextContent);
        cut.WaitForAssertion(() => Assert.Equal([false], finished));
    }

    [Fact]
    public async Task Cancel_asks_the_browser_to_stop_and_the_end_says_so()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        var upload = await StartAsync(cut);

        await cut.Find("[data-testid=upload-cancel]").ClickAsync(new());
        Assert.Contains(_module.Invocations, i => i.Identifier == "cancel" && (string?)i.Arguments[0] == upload.Id);
        await cut.InvokeAsync(() => Service<UploadTray>().OnFinished(upload.Id, -1, "Upload cancelled."));

        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state")));
        Assert.Equal("Upload cancelled.", cut.Find("[data-testid=upload-message]").TextContent);
        cut.WaitForAssertion(() => Assert.Equal([false], finished));
    }

    [Fact]
    public async Task The_tray_keeps_the_upload_after_the_page_that_started_it_is_gone()
    {
        var cut = RenderUploader([]);
        var upload = await StartAsync(cut);
        var tray = Render<UploadTrayPanel>();
        cut.Dispose();

        await tray.InvokeAsync(() => Service<UploadTray>().OnProgress(upload.Id, 250, 1000));
        tray.WaitForAssertion(() => Assert.Contains("25 %", tray.Find("[data-testid=tray-status]").TextContent));
        Assert.Equal("Debian 13", tray.Find("[data-testid=tray-upload] a").TextContent);
        Assert.Equal("images/image-1", tray.Find("[data-testid=tray-upload] a").GetAttribute("href"));
        Assert.NotNull(tray.Find("[data-testid=tray-cancel]"));

        await tray.InvokeAsync(() => Service<UploadTray>().OnFinished(upload.Id, 204, null));
        tray.WaitForAssertion(() => Assert.Equal("done", tray.Find("[data-testid=tray-upload]").GetAttribute("data-state")));
        Assert.Contains("Stored", tray.Find("[data-testid=tray-status]").TextContent);

        await tray.Find("[data-testid=tray-dismiss]").ClickAsync(new());
        tray.WaitForAssertion(() => Assert.Empty(tray.FindAll("[data-testid=upload-tray]")));
    }
}
