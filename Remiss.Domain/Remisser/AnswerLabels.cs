namespace Remiss.Domain.Remisser;

/// <summary>The Swedish words of decisions and recipients' statuses (a question type's own words live in its <see cref="QuestionKind"/>), shared by pages, components and the Word documents.</summary>
public static class AnswerLabels
{
    public static string Of(DecisionKind kind) => kind switch
    {
        DecisionKind.BoardDecision => "Nämndbeslut",
        DecisionKind.DelegatedDecision => "Delegationsbeslut",
        DecisionKind.PreliminaryAnswer => "Förvaltningens preliminära svar",
        _ => kind.ToString(),
    };

    /// <summary>A recipient's status as its badge and the Excel export name it.</summary>
    public static string Of(RecipientStatus status) => status switch
    {
        RecipientStatus.NotStarted => "Ej påbörjat",
        RecipientStatus.Drafting => "Påbörjat",
        RecipientStatus.Submitted => "Inkommet",
        RecipientStatus.Declined => "Avstår",
        _ => status.ToString(),
    };

    /// <summary>A recipient's status as the sammanställning reports it: an answer came in, the recipient declined, or nothing came.</summary>
    public static string InSummary(RecipientStatus status) => status switch
    {
        RecipientStatus.Submitted => "Inkommet",
        RecipientStatus.Declined => "Avstår",
        _ => "Ej inkommet",
    };
}
