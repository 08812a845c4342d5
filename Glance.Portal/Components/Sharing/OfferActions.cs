using Glance.Domain.Common;
using Glance.Domain.Members;
using MudBlazor;

namespace Glance.Portal.Components.Sharing;

/// <summary>
/// A member project's answers to offers, as the inbox, its bulk actions and the image page's banner
/// give them: through the domain, a rejection confirmed first, the outcome told in a snackbar.
/// </summary>
public sealed class OfferActions(MemberService members, IDialogService dialogs, ISnackbar snackbar)
{
    /// <summary>Answers every offer; returns how many were changed. Rejections are confirmed once for all.</summary>
    public async Task<int> AnswerAsync(CallerContext caller, IReadOnlyCollection<(string ImageId, string Name)> offers, MemberStatus answer)
    {
        if (offers.Count == 0)
        {
            return 0;
        }
        if (answer == MemberStatus.Rejected && !await Shared.ConfirmDialog.AskAsync(dialogs, "Reject",
            offers.Count == 1
                ? $"Reject \"{offers.First().Name}\"? It leaves your image list; you can still use it, and accept it again later."
                : $"Reject {offers.Count} images? They leave your image list; you can still use them, and accept them again later.",
            "Reject", Color.Warning))
        {
            return 0;
        }
        var done = 0;
        foreach (var (imageId, name) in offers)
        {
            try
            {
                await members.UpdateStatusAsync(caller, imageId, caller.ProjectId!, answer.ToWire());
                done++;
            }
            catch (GlanceException ex)
            {
                snackbar.Add($"{name}: {Refusals.Explain(ex, caller)}", Severity.Error);
            }
        }
        if (done > 0)
        {
            snackbar.Add(answer == MemberStatus.Accepted
                ? (done == 1 ? "Accepted: it is in your image list now." : $"Accepted {done} images.")
                : (done == 1 ? "Rejected." : $"Rejected {done} images."), Severity.Success);
        }
        return done;
    }
}
