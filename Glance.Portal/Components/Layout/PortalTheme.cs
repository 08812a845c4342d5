using MudBlazor;

namespace Glance.Portal.Components.Layout;

/// <summary>
/// MudBlazor's palette with status colours dark (light theme) or light (dark theme) enough that text on
/// them and in them reaches WCAG's 4.5:1 contrast; MudBlazor's own green, orange, blue and red do not
/// (axe-core reports them as serious).
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#2e7d32",
            Warning = "#a15c00",
            Info = "#1565c0",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9d93ff",
            PrimaryContrastText = "#000000",
            Success = "#81c784",
            SuccessContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Info = "#64b5f6",
            InfoContrastText = "#000000",
            Error = "#ef9a9a",
            ErrorContrastText = "#000000",
        },
    };
}
