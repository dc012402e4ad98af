using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AnswerValueAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The type's value moves from one column per type to one JSON column, so that a new question type
            // needs no schema change. Each answer is moved by its question's type, before the old columns go.
            migrationBuilder.AddColumn<string>(
                name: "Value",
                table: "Answers",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE a SET [Value] = CASE q.[Type]
                    WHEN N'Position' THEN CASE a.[Position]
                        WHEN N'Supports' THEN N'{"$type":"PositionAnswer","position":1}'
                        WHEN N'PartlySupports' THEN N'{"$type":"PositionAnswer","position":2}'
                        WHEN N'Opposes' THEN N'{"$type":"PositionAnswer","position":3}'
                        WHEN N'NoComments' THEN N'{"$type":"PositionAnswer","position":4}' END
                    WHEN N'Choice' THEN CASE WHEN EXISTS (SELECT 1 FROM OPENJSON(a.[Choices]))
                        THEN CONCAT(N'{"$type":"ChoiceAnswer","choices":', a.[Choices], N'}') END
                    WHEN N'TrafficLight' THEN CASE WHEN EXISTS (SELECT 1 FROM OPENJSON(a.[Ratings]))
                        THEN CONCAT(N'{"$type":"TrafficLightAnswer","ratings":', a.[Ratings], N'}') END
                END
                FROM [Answers] AS a
                INNER JOIN [Questions] AS q ON q.[Id] = a.[QuestionId];
                """);

            migrationBuilder.DropColumn(
                name: "Choices",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Ratings",
                table: "Answers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Choices",
                table: "Answers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Position",
                table: "Answers",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ratings",
                table: "Answers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE [Answers] SET
                    [Position] = CASE WHEN JSON_VALUE([Value], '$."$type"') = N'PositionAnswer' THEN
                        CASE JSON_VALUE([Value], '$.position') WHEN N'1' THEN N'Supports' WHEN N'2' THEN N'PartlySupports' WHEN N'3' THEN N'Opposes' WHEN N'4' THEN N'NoComments' END END,
                    [Choices] = COALESCE(CASE WHEN JSON_VALUE([Value], '$."$type"') = N'ChoiceAnswer' THEN JSON_QUERY([Value], '$.choices') END, N'[]'),
                    [Ratings] = COALESCE(CASE WHEN JSON_VALUE([Value], '$."$type"') = N'TrafficLightAnswer' THEN JSON_QUERY([Value], '$.ratings') END, N'[]');
                """);

            migrationBuilder.DropColumn(
                name: "Value",
                table: "Answers");
        }
    }
}
