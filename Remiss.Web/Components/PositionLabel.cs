namespace Remiss.Web.Components;

using Remiss.Domain.Remisser;

/// <summary>The Swedish words of the answer kinds, shared by pages and components.</summary>
public static class AnswerLabels
{
    public static string Of(Position position) => position switch
    {
        Position.Supports => "Tillstyrker",
        Position.PartlySupports => "Tillstyrker delvis",
        Position.Opposes => "Avstyrker",
        Position.NoComments => "Inga synpunkter",
        _ => position.ToString(),
    };

    public static string Of(TrafficLightColour colour) => colour switch
    {
        TrafficLightColour.Green => "Grönt",
        TrafficLightColour.Yellow => "Gult",
        TrafficLightColour.Red => "Rött",
        _ => colour.ToString(),
    };

    public static string Of(DecisionKind kind) => kind switch
    {
        DecisionKind.BoardDecision => "Nämndbeslut",
        DecisionKind.DelegatedDecision => "Delegationsbeslut",
        DecisionKind.PreliminaryAnswer => "Förvaltningens preliminära svar",
        _ => kind.ToString(),
    };
}
