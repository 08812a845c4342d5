using Bunit;
using Glance.Portal.Components.Images;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>The uploader's states as the browser reports progress and the end of the request.</summary>
public sealed class ImageUploaderTests : PortalComponentContext
{
    private IRenderedComponent<ImageUploader> RenderUploader(List<bool> finished)
    {
        SignIn("alice", "demo-a", "member", "reader");
        return Render<ImageUploader>(p => p.Add(c => c.Finished, (bool stored) => finished.Add(stored)));
    }

    [Fact]
    public async Task Progress_then_success_shows_100_percent_and_reports_the_data_stored()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        cut.Instance.Progress.Start(1000);
        await cut.InvokeAsync(() => cut.Instance.OnProgress(500, 1000));

        Assert.Equal("50", cut.Find("[data-testid=upload-progress]").GetAttribute("data-percent"));
        Assert.NotNull(cut.Find("[data-testid=upload-cancel]"));

        await cut.InvokeAsync(() => cut.Instance.OnFinished(204, ""));

        Assert.Equal("done", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state"));
        Assert.Equal("100", cut.Find("[data-testid=upload-progress]").GetAttribute("data-percent"));
        Assert.Empty(cut.FindAll("[data-testid=upload-cancel]"));
        Assert.Equal([true], finished);
    }

    [Fact]
    public async Task A_refused_upload_shows_the_domains_reason()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        cut.Instance.Progress.Start(1000);

        await cut.InvokeAsync(() => cut.Instance.OnFinished(413, """{"title":"Payload Too Large","status":413,"detail":"Image exceeds the storage quota: the size cap is 10 bytes."}"""));

        Assert.Equal("failed", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state"));
        Assert.Equal("Image exceeds the storage quota: the size cap is 10 bytes.", cut.Find("[data-testid=upload-message]").TextContent);
        Assert.Equal([false], finished);
    }

    [Fact]
    public async Task A_cancelled_upload_says_so()
    {
        var finished = new List<bool>();
        var cut = RenderUploader(finished);
        cut.Instance.Progress.Start(1000);

        await cut.InvokeAsync(() => cut.Instance.OnFinished(-1, "Cancelled."));

        Assert.Equal("cancelled", cut.Find("[data-testid=upload-progress]").GetAttribute("data-state"));
        Assert.Equal("Upload cancelled.", cut.Find("[data-testid=upload-message]").TextContent);
        Assert.Equal([false], finished);
    }
}
