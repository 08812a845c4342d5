using Bunit;
using Glance.Portal.Api;
using Glance.Portal.Components.Pages;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Tests.Components.Pages;

public sealed class HomeTests : BunitContext
{
    public HomeTests()
    {
        this.AddMudBlazorForTests();
    }

    [Fact]
    public void Shows_the_image_api_endpoint_under_the_configured_path_base()
    {
        Services.AddSingleton(Options.Create(new GlanceApiOptions { PathBase = "/glance" }));

        var cut = Render<Home>();

        Assert.Equal("http://localhost/glance", cut.Find("[data-testid=api-endpoint]").TextContent.Trim());
    }
}
