namespace Remiss.Domain.Remisser;

public enum RemissStatus
{
    /// <summary>Utkast: edited freely by the owner, invisible to recipients.</summary>
    Draft = 1,

    /// <summary>Utskickad: recipients answer.</summary>
    Sent = 2,

    /// <summary>Stängd: the owner closed it, or every recipient has answered or declined.</summary>
    Closed = 3,

    /// <summary>Avslutad: the sammanställning is final.</summary>
    Completed = 4,

    /// <summary>Återkallad: withdrawn after sending.</summary>
    Withdrawn = 5,
}

public enum RecipientStatus
{
    /// <summary>Ej påbörjat.</summary>
    NotStarted = 1,

    /// <summary>Påbörjat.</summary>
    Drafting = 2,

    /// <summary>Inkommet.</summary>
    Submitted = 3,

    /// <summary>Avstår.</summary>
    Declined = 4,
}

public enum QuestionType
{
    /// <summary>Fritext.</summary>
    FreeText = 1,

    /// <summary>Ställningstagande: Tillstyrker / Tillstyrker delvis / Avstyrker / Inga synpunkter, plus motivation.</summary>
    Position = 2,

    /// <summary>Val: one or several of the owner's options, plus a comment.</summary>
    Choice = 3,

    /// <summary>Trafikljus: items rated Grönt / Gult / Rött with a comment.</summary>
    TrafficLight = 4,
}

public enum Position
{
    /// <summary>Tillstyrker.</summary>
    Supports = 1,

    /// <summary>Tillstyrker delvis.</summary>
    PartlySupports = 2,

    /// <summary>Avstyrker.</summary>
    Opposes = 3,

    /// <summary>Inga synpunkter.</summary>
    NoComments = 4,
}

public enum TrafficLightColour
{
    /// <summary>Grönt.</summary>
    Green = 1,

    /// <summary>Gult.</summary>
    Yellow = 2,

    /// <summary>Rött.</summary>
    Red = 3,
}

public enum ExtensionStatus
{
    /// <summary>Begärt.</summary>
    Requested = 1,

    /// <summary>Beviljat.</summary>
    Granted = 2,

    /// <summary>Avslaget.</summary>
    Refused = 3,
}

public enum DecisionKind
{
    /// <summary>Nämndbeslut.</summary>
    BoardDecision = 1,

    /// <summary>Delegationsbeslut.</summary>
    DelegatedDecision = 2,

    /// <summary>Förvaltningens preliminära svar; the nämnd confirms later.</summary>
    PreliminaryAnswer = 3,
}
