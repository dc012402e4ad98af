namespace Remiss.Tests.TestSupport;

using Remiss.Domain.Remisser;

/// <summary>
/// Reads an answer's typed value the way assertions ask about it (its position, its choices, its ratings), so a
/// test says what it checks without unpacking the value each time. Empty or null when the answer has no such value.
/// </summary>
public static class AnswerValueReading
{
    extension(Answer answer)
    {
        public Position? Position => (answer.Value as PositionAnswer)?.Position;

        public IReadOnlyList<string> Choices => (answer.Value as ChoiceAnswer)?.Choices ?? [];

        public IReadOnlyList<TrafficLightRating> Ratings => (answer.Value as TrafficLightAnswer)?.Ratings ?? [];
    }
}
