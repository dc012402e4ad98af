namespace Remiss.Tests.Persistence;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// AnswerValueAsJson moves each answer's value from one column per type (Position, Choices, Ratings) to one JSON
/// column: answers stored in the old shape read back the same afterwards.
/// </summary>
public sealed class AnswerValueMigrationTests
{
    private const string Before = "20261201111019_IndexRecipientsByRemiss";
    private const string Ratings = """[{"item":"Trygghet","colour":1,"comment":"Bra"},{"item":"Boende","colour":3,"comment":null},{"item":"Arbete","colour":null,"comment":"Oklart"}]""";

    private static readonly Guid TenantId = Guid.CreateVersion7();
    private static readonly Guid ResponseId = Guid.CreateVersion7();

    // One answer per case: (answer id, question type, Position, Choices, Ratings, Text, NoComments).
    private static readonly (Guid Id, string Type, string? Position, string Choices, string Ratings, string? Text, bool NoComments)[] OldAnswers =
    [
        (Guid.CreateVersion7(), "FreeText", null, "[]", "[]", "<p>Fritt svar.</p>", false),
        (Guid.CreateVersion7(), "Position", "PartlySupports", "[]", "[]", "<p>Motivering.</p>", false),
        (Guid.CreateVersion7(), "Position", null, "[]", "[]", null, true),
        (Guid.CreateVersion7(), "Choice", null, """["Tekniska nämnden","MKB"]""", "[]", "<p>Gärna i samverkan.</p>", false),
        (Guid.CreateVersion7(), "Choice", null, "[]", "[]", "<p>Kommentar utan val.</p>", false),
        (Guid.CreateVersion7(), "TrafficLight", null, "[]", Ratings, null, false),
    ];

    [Fact]
    public async Task AnswersInTheOldShape_AfterTheMigration_ReadBackTheSame()
    {
        await using var database = await OldDatabaseWithAnswersAsync();
        await using (var db = database.NewContext(null))
        {
            await db.Database.MigrateAsync();
        }

        await using var reader = database.NewContext(null);
        var answers = await reader.Answers.IgnoreQueryFilters().ToDictionaryAsync(a => a.Id);

        Assert.Equal(OldAnswers.Length, answers.Count);
        Assert.All(OldAnswers, old => Assert.Equal((old.Text, old.NoComments), (answers[old.Id].Text, answers[old.Id].NoComments)));
        Assert.Null(answers[OldAnswers[0].Id].Value);
        Assert.Equal(new PositionAnswer(Position.PartlySupports), answers[OldAnswers[1].Id].Value);
        Assert.Null(answers[OldAnswers[2].Id].Value);
        Assert.Equal(["Tekniska nämnden", "MKB"], Assert.IsType<ChoiceAnswer>(answers[OldAnswers[3].Id].Value).Choices);
        Assert.Null(answers[OldAnswers[4].Id].Value);
        Assert.Equal(
            [new("Trygghet", TrafficLightColour.Green, "Bra"), new("Boende", TrafficLightColour.Red, null), new TrafficLightRating("Arbete", null, "Oklart")],
            Assert.IsType<TrafficLightAnswer>(answers[OldAnswers[5].Id].Value).Ratings);
    }

    private static async Task<TestDatabase> OldDatabaseWithAnswersAsync()
    {
        var database = await TestDatabase.CreateAtMigrationAsync(Before);
        await using var db = database.NewContext(null);
        // The questions and answers alone, without their remiss and yttrande: the move reads nothing else.
        var sql = "PRAGMA foreign_keys = OFF;\n" + string.Join('\n', OldAnswers.Select((a, i) =>
        {
            var questionId = Guid.CreateVersion7();
            return $"""
                INSERT INTO "Questions" ("Id", "TenantId", "RemissId", "Number", "Text", "Type", "IsRequired", "Options", "OptionsAreOrganisations", "AllowsSeveralChoices", "Items")
                VALUES ('{Text(questionId)}', '{Text(TenantId)}', '{Text(Guid.Empty)}', {i + 1}, 'Fråga', '{a.Type}', 0, '[]', 0, 0, '[]');
                INSERT INTO "Answers" ("Id", "TenantId", "ResponseId", "QuestionId", "Text", "Position", "Choices", "Ratings", "NoComments")
                VALUES ('{Text(a.Id)}', '{Text(TenantId)}', '{Text(ResponseId)}', '{Text(questionId)}', {Quoted(a.Text)}, {Quoted(a.Position)}, '{a.Choices}', '{a.Ratings}', {(a.NoComments ? 1 : 0)});
                """;
        }));
        await TestDatabase.ColumnAsync(db, sql);
        return database;
    }

    // As EF Core stores a Guid on SQLite.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Quoted(string? value) => value is null ? "NULL" : $"'{value}'";
}
