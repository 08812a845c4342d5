using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Glance.Portal.Components.Images;

/// <summary>Creates an image with its common fields, then hands the chosen file to the upload tray.</summary>
public partial class CreateImageDialog
{
    [Inject] private ImageService Images { get; set; } = null!;

    [Inject] private PortalCaller Caller { get; set; } = null!;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    private readonly Model _model = new();
    private CallerContext? _caller;
    private MudForm? _form;
    private ImageUploader? _uploader;
    private bool _valid;
    private bool _busy;
    private string? _error;
    private string? _createdId;

    protected override async Task OnInitializedAsync() => _caller = await Caller.GetAsync();

    private async Task CreateAsync()
    {
        await _form!.ValidateAsync();
        if (!_valid)
        {
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            var image = await Images.CreateAsync(_caller!, _model.ToNewImage());
            _createdId = image.Id;
            if (_uploader is { HasFile: true })
            {
                await _uploader.StartAsync(image.Id, image.Name ?? image.Id);
                return;
            }
            MudDialog.Close(DialogResult.Ok(image.Id));
        }
        catch (GlanceException ex)
        {
            // Nothing was created; every typed value stays for correction.
            _error = Refusals.Explain(ex, _caller!);
            _busy = false;
        }
    }

    private Task UploadFinishedAsync(bool stored)
    {
        // The dialog stays on the finished upload (100 %) until the user opens the image.
        _busy = false;
        if (!stored)
        {
            _error = "The image was created but has no data: it stays queued. Upload a file from its page.";
        }
        return Task.CompletedTask;
    }

    private sealed class Model
    {
        public string? Name { get; set; }

        public Dictionary<string, string?> Common { get; } = CommonProperties.ValuesOf(null);

        public string DiskFormat { get; set; } = "qcow2";

        public string ContainerFormat { get; set; } = "bare";

        public ImageVisibility Visibility { get; set; } = ImageVisibility.Shared;

        public int MinDisk { get; set; }

        public int MinRam { get; set; }

        public bool Protected { get; set; }

        public bool Hidden { get; set; }

        public string? Tags { get; set; }

        public List<PropertyRow> Properties { get; } = [];

        public NewImage ToNewImage() => new()
        {
            Name = Name?.Trim(),
            DiskFormat = DiskFormat,
            ContainerFormat = ContainerFormat,
            Visibility = Visibility,
            MinDisk = MinDisk,
            MinRam = MinRam,
            Protected = Protected,
            OsHidden = Hidden,
            Tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
            // A key typed under "Other properties" that is also a field: the field wins.
            Properties = Properties.Where(p => !string.IsNullOrWhiteSpace(p.Key))
                .Select(p => KeyValuePair.Create(p.Key!.Trim(), (string?)(p.Value ?? "")))
                .Concat(CommonProperties.Filled(Common))
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        };
    }

    private sealed class PropertyRow
    {
        public string? Key { get; set; }

        public string? Value { get; set; }
    }
}
