namespace Remiss.Tests.Features.Completion;

using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;
using Arrange = Remiss.Tests.Features.Remisser.Arrange;
using ArrangedRemiss = Remiss.Tests.Features.Remisser.ArrangedRemiss;
using RemissSpec = Remiss.Tests.Features.Remisser.RemissSpec;

/// <summary>A remiss with the office's work on it, for the tests of Avsluta remiss through HTTP and in the browser.</summary>
internal static class CompletionTestKit
{
    public const string PointText = "Samordningen mellan förvaltningarna brister i dag.";
    public const string ReplyText = "Stadskontoret förtydligar vem som samordnar arbetet.";
    public const string CommentText = "Flera remissinstanser efterfrågar tydligare samordning.";

    /// <summary>
    /// A sent remiss of Stadskontoret: Arbetsmarknads- och socialnämnden submitted, MKB declined, Grundskolenämnden
    /// drafts and Tekniska nämnden never started. The office took two synpunkter from the submitted answer (one with a
    /// bemötande and a ställningstagande under the theme Samordning, one with neither) and commented question 1. The
    /// owner closed it when <paramref name="closed"/>.
    /// </summary>
    public static async Task<ArrangedRemiss> WithWorkAsync(RemissAppFactory factory, bool closed)
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            var asn = remiss.Recipients[Arrange.Asn];
            Arrange.Submit(r, asn, c);
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
            Arrange.StartDrafting(r, remiss.Recipients[Arrange.Grundskola], c);
            var theme = Theme.Create(r, "Samordning", []);
            c.Db.Themes.Add(theme);
            c.Db.RaisedPoints.Add(RaisedPoint.Raise(r, c.Recipient(asn), PointSource.Question(1), new(PointText, ReplyText, Disposition.Considered, [theme.Id]), [theme], c.UserId, c.Now));
            c.Db.RaisedPoints.Add(RaisedPoint.Raise(r, c.Recipient(asn), PointSource.Question(2), new("Finansieringen är oklar.", null, null, []), [theme], c.UserId, c.Now.AddMinutes(1)));
            c.Db.QuestionComments.Add(QuestionComment.Write(r, 1, CommentText, c.UserId, c.Now));
            if (closed)
            {
                r.Close(c.Now);
            }
        });
        return remiss;
    }
}
