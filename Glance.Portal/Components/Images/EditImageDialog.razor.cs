using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Glance.Portal.Components.Images;

/// <summary>
/// Saves what changed as one patch through the domain. A refusal changes nothing and keeps every
/// typed value on screen for correction; the dialog closes (true) only when the change was saved.
/// </summary>
public partial class EditImageDialog
{
    [Inject] private ImageService Images { get; set; } = null!;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    [Parameter, EditorRequired] public Image Image { get; set; } = null!;

    [Parameter, EditorRequired] public CallerContext Caller { get; set; } = null!;

    private string? _name;
    private int _minDisk;
    private int _minRam;
    private string? _disk;
    private string? _container;
    private bool _hidden;
    private Dictionary<string, string?> _common = [];
    private IReadOnlyDictionary<string, string?> _commonBefore = new Dictionary<string, string?>();
    private HashSet<string> _existing = [];
    private bool _busy;
    private string? _error;

    protected override void OnInitialized()
    {
        (_name, _minDisk, _minRam, _disk, _container, _hidden) = (Image.Name, Image.MinDisk, Image.MinRam, Image.DiskFormat, Image.ContainerFormat, Image.OsHidden);
        _commonBefore = CommonProperties.ValuesOf(Image);
        _common = new Dictionary<string, string?>(_commonBefore);
        _existing = Image.Properties.Select(p => p.Name).ToHashSet();
    }

    /// <summary>Only what changed goes to the domain.</summary>
    private List<ImageChange> Changes()
    {
        var changes = new List<ImageChange>();
        void Replace(string attribute, JsonNode? value, bool changed)
        {
            if (changed)
            {
                changes.Add(ImageChange.Replace(attribute, value));
            }
        }
        Replace("name", JsonValue.Create(_name), _name != Image.Name);
        Replace("min_disk", JsonValue.Create(_minDisk), _minDisk != Image.MinDisk);
        Replace("min_ram", JsonValue.Create(_minRam), _minRam != Image.MinRam);
        Replace("disk_format", JsonValue.Create(_disk), _disk != Image.DiskFormat);
        Replace("container_format", JsonValue.Create(_container), _container != Image.ContainerFormat);
        Replace("os_hidden", JsonValue.Create(_hidden), _hidden != Image.OsHidden);
        changes.AddRange(CommonProperties.Changes(_commonBefore, _common));
        return changes;
    }

    private async Task SaveAsync()
    {
        var changes = Changes();
        if (changes.Count == 0)
        {
            MudDialog.Close(DialogResult.Ok(false));
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            await Images.UpdateAsync(Caller, Image.Id, changes);
            MudDialog.Close(DialogResult.Ok(true));
        }
        catch (GlanceException ex)
        {
            _error = Refusals.Explain(ex, Caller);
        }
        finally
        {
            _busy = false;
        }
    }
}
