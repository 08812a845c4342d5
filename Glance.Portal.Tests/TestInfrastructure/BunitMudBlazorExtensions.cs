using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Glance.Portal.Tests.TestInfrastructure;

public static class BunitMudBlazorExtensions
{
    /// <summary>MudBlazor's services with loose JS interop and no transitions, as MudBlazor's own tests use them.</summary>
    public static void AddMudBlazorForTests(this BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }
}
