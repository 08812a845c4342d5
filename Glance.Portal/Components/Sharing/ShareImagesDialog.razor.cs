using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Glance.Portal.Components.Sharing;

/// <summary>Chooses images of the caller's project and the projects to offer them to, then reports every pair's outcome.</summary>
public partial class ShareImagesDialog
{
    [Inject] private ImageService Images { get; set; } = null!;

    [Inject] private BulkSharing Sharing { get; set; } = null!;

    [Inject] private ProjectChoices Choices { get; set; } = null!;

    [Inject] private PortalCaller Caller { get; set; } = null!;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    private CallerContext _caller = null!;
    private KnownProjects? _known;
    private List<Image> _images = [];
    private readonly Dictionary<string, Image> _chosenImages = [];

    private ProjectPicker? _picker;
    private string? _search;
    private string? _problem;
    private bool _makeShared = true;
    private bool _busy;
    private IReadOnlyList<ShareOutcome>? _outcomes;

    private IReadOnlySet<string> Own => new HashSet<string> { _caller.ProjectId ?? "" };

    private int ChosenPrivate => _chosenImages.Values.Count(i => i.Visibility == ImageVisibility.Private);

    private string LabelOf(string project) => _known?.LabelOf(project) ?? project;

    private string Summary
    {
        get
        {
            var offered = _outcomes!.Count(o => o.Offered);
            var refused = _outcomes!.Count - offered;
            return refused == 0 ? $"{offered} offer(s) made." : $"{offered} offer(s) made; {refused} could not be made, each with the reason below.";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _caller = await Caller.GetAsync();
        _known = await Choices.ForAsync(_caller);
        await LoadAsync();
    }

    /// <summary>The project's own images that match the search, by name; the choice survives a new search.</summary>
    private async Task LoadAsync()
    {
        var page = await Images.ListAsync(_caller, new ImageQuery
        {
            Limit = 50,
            AllVisibilities = true,
            TextFilters = [new TextFilter("owner", Glance.Domain.Images.FilterOperator.Eq, [_caller.ProjectId ?? ""])],
            Sort = [new SortKey(SortKey.FoldedName, false)],
            Search = string.IsNullOrWhiteSpace(_search) ? null : ImageSearch.Parse(_search),
        });
        _images = page.Images.ToList();
    }

    private void Choose(string imageId, bool on)
    {
        if (on && _images.FirstOrDefault(i => i.Id == imageId) is { } image)
        {
            _chosenImages[imageId] = image;
        }
        else
        {
            _chosenImages.Remove(imageId);
        }
    }

    private async Task ShareAsync()
    {
        _problem = null;
        _busy = true;
        try
        {
            var makeSharedFrom = _makeShared ? new HashSet<ImageVisibility> { ImageVisibility.Private } : new HashSet<ImageVisibility>();
            _outcomes = await Sharing.ShareAsync(_caller, _chosenImages.Keys.ToList(), _picker!.Chosen(), makeSharedFrom);
        }
        catch (GlanceException ex)
        {
            // Nothing chosen: the domain says what is missing, and the choice stays.
            _problem = Refusals.Explain(ex, _caller);
        }
        finally
        {
            _busy = false;
        }
    }
}
