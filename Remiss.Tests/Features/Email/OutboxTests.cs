namespace Remiss.Tests.Features.Email;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Tests.TestSupport;

/// <summary>
/// The outbox on a real SQLite database: who an organisation's mail goes to, and that queued messages are written
/// by the caller's SaveChanges, in its transaction, under its tenant.
/// </summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private TestDatabase _database = null!;
    private Tenant _malmo = null!;
    private Tenant _lund = null!;
    private Organisation _tekniska = null!;
    private Organisation _miljo = null!;
    private Organisation _lundsKontor = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _malmo = await _database.AddTenantAsync("malmo");
        _lund = await _database.AddTenantAsync("lund");

        await using (var db = _database.NewContext(_malmo))
        {
            _tekniska = A.Organisation(_malmo, "Tekniska nämnden", functionalMailbox: "Registrator.TN@malmo.example");
            _miljo = A.Organisation(_malmo, "Miljönämnden", functionalMailbox: "miljo@malmo.example");
            db.Organisations.AddRange(_tekniska, _miljo);
            AddMember(db, _malmo.Id, _tekniska, "eva@malmo.example", "Eva Svensson");
            AddMember(db, _malmo.Id, _tekniska, "adam@malmo.example", "Adam Andersson");
            AddMember(db, _malmo.Id, _tekniska, "registrator.tn@MALMO.example", "Registratorn");
            AddMember(db, _malmo.Id, _tekniska, "slutat@malmo.example", "Slutat Slutsson", isActive: false);
            AddMember(db, _malmo.Id, _miljo, "mia@malmo.example", "Mia Miljö");

            // A user of another tenant with a membership here should never exist; if one does, it gets nothing.
            AddMember(db, _lund.Id, _tekniska, "fel@lund.example", "Fel Kund");
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext(_lund))
        {
            _lundsKontor = A.Organisation(_lund, "Kommunledningskontoret", OrganisationKind.Forvaltning, "kommunen@lund.example");
            db.Organisations.Add(_lundsKontor);
            AddMember(db, _lund.Id, _lundsKontor, "lena@lund.example", "Lena Handläggare");
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AnOrganisationsAddresses_AreItsActiveMembersAndItsFunctionalMailbox_EachOnce()
    {
        await using var db = _database.NewContext(_malmo);

        var addresses = await NewOutbox(db).AddressesOfOrganisationAsync(_tekniska.Id, CancellationToken.None);

        Assert.Equal(
            ["adam@malmo.example", "eva@malmo.example", "registrator.tn@malmo.example"],
            addresses.Select(a => a.Address.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Contains(new EmailAddress("Registrator.TN@malmo.example", "Tekniska nämnden"), addresses);
        Assert.Contains(new EmailAddress("eva@malmo.example", "Eva Svensson"), addresses);
    }

    [Fact]
    public async Task InactiveUsers_MembersOfOtherOrganisations_AndOtherTenants_AreNeverIncluded()
    {
        await using var db = _database.NewContext(_malmo);

        var addresses = (await NewOutbox(db).AddressesOfOrganisationAsync(_tekniska.Id, CancellationToken.None)).Select(a => a.Address).ToList();

        Assert.DoesNotContain("slutat@malmo.example", addresses);
        Assert.DoesNotContain("mia@malmo.example", addresses);
        Assert.DoesNotContain("miljo@malmo.example", addresses);
        Assert.DoesNotContain("fel@lund.example", addresses);
        Assert.DoesNotContain("lena@lund.example", addresses);
    }

    [Fact]
    public async Task AnotherTenantsOrganisation_HasNoAddresses()
    {
        await using var db = _database.NewContext(_malmo);

        Assert.Empty(await NewOutbox(db).AddressesOfOrganisationAsync(_lundsKontor.Id, CancellationToken.None));
    }

    [Fact]
    public async Task QueuedMessages_AreWrittenOnlyByTheCallersSaveChanges()
    {
        await using (var db = _database.NewContext(_malmo))
        {
            var outbox = NewOutbox(db);
            outbox.Queue(_malmo.Id, new EmailAddress("eva@malmo.example", "Eva Svensson"), Content(), EmailReason.ExtensionGranted, EmailConcerns.Recipient, Guid.NewGuid());
            await outbox.QueueForOrganisationAsync(_malmo.Id, _miljo.Id, Content(), EmailReason.Invitation, EmailConcerns.Recipient, Guid.NewGuid(), CancellationToken.None);

            Assert.Equal(0L, await CountRowsAsync());

            // Nothing is saved when the caller's change is abandoned.
        }

        Assert.Equal(0L, await CountRowsAsync());

        await using (var db = _database.NewContext(_malmo))
        {
            NewOutbox(db).Queue(_malmo.Id, new EmailAddress("eva@malmo.example", null), Content(), EmailReason.Reopened, EmailConcerns.Recipient, Guid.NewGuid());
            await db.SaveChangesAsync();
        }

        Assert.Equal(1L, await CountRowsAsync());
    }

    [Fact]
    public async Task QueuedMessages_CarryTenantReasonConcernsAndUniqueMessageIds()
    {
        var recipientId = Guid.NewGuid();
        await using (var db = _database.NewContext(_malmo))
        {
            var queued = await NewOutbox(db).QueueForOrganisationAsync(
                _malmo.Id, _tekniska.Id, Content(), EmailReason.Invitation, EmailConcerns.Recipient, recipientId, CancellationToken.None);
            Assert.Equal(3, queued.Count);
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext(_malmo);
        var messages = await read.Outbox.ToListAsync();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal(_malmo.Id, m.TenantId);
            Assert.Equal(EmailReason.Invitation, m.Reason);
            Assert.Equal(EmailConcerns.Recipient, m.ConcernsType);
            Assert.Equal(recipientId, m.ConcernsId);
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal(0, m.Attempts);
            Assert.Equal(_clock.UtcNow, m.CreatedAt);
            Assert.Equal(_clock.UtcNow, m.NextAttemptAt);
            Assert.Null(m.SentAt);
            Assert.Equal("Remiss: Områdeslyft (STK-2023-137)", m.Subject);
            Assert.Equal("Text", m.TextBody);
            Assert.Equal("<p>Html</p>", m.HtmlBody);
            Assert.Matches("^<[0-9a-f]{32}@remiss>$", m.MessageId);
        });
        Assert.Equal(3, messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["Adam Andersson", "Eva Svensson", "Tekniska nämnden"], messages.Select(m => m.ToName).Order(StringComparer.Ordinal));

        await using var asLund = _database.NewContext(_lund);
        Assert.Empty(await asLund.Outbox.ToListAsync());
    }

    [Fact]
    public async Task EnumsAreStoredAsText_SoTheTableReadsWithoutTheCode()
    {
        await using (var db = _database.NewContext(_malmo))
        {
            NewOutbox(db).Queue(_malmo.Id, new EmailAddress("eva@malmo.example", null), Content(), EmailReason.DeadlineMoved, EmailConcerns.Remiss, Guid.NewGuid());
            await db.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reason || '/' || State FROM OutboxMessages";
        Assert.Equal("DeadlineMoved/Pending", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AMessageQueuedForAnotherTenant_IsNotSaved()
    {
        await using var db = _database.NewContext(_malmo);
        NewOutbox(db).Queue(_lund.Id, new EmailAddress("lena@lund.example", null), Content(), EmailReason.Invitation, EmailConcerns.Recipient, Guid.NewGuid());

        await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ASentMessage_ComesBackSent()
    {
        Guid id;
        await using (var db = _database.NewContext(_malmo))
        {
            var queued = await NewOutbox(db).QueueForOrganisationAsync(
                _malmo.Id, _miljo.Id, Content(), EmailReason.Invitation, EmailConcerns.Recipient, Guid.NewGuid(), CancellationToken.None);
            Assert.Equal(2, queued.Count);
            var message = queued[0];
            id = message.Id;
            await db.SaveChangesAsync();
            message.BeginSending(_clock.UtcNow);
            message.MarkSent(_clock.UtcNow.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext(_malmo);
        var sent = await read.Outbox.SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(_clock.UtcNow.AddMinutes(1), sent.SentAt);
        Assert.Equal(DateTimeKind.Utc, sent.SentAt!.Value.Kind);
        Assert.Null(sent.NextAttemptAt);
        Assert.Equal(1, sent.Attempts);
    }

    private static void AddMember(SqliteAppDbContext db, Guid userTenantId, Organisation organisation, string email, string name, bool isActive = true)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name,
            CreatedAt = A.Now,
        };
        db.Users.Add(user);
        var access = TenantAccess.Grant(user.Id, userTenantId, isAdmin: false, A.Now);
        access.IsActive = isActive;
        db.TenantAccesses.Add(access);
        db.Memberships.Add(Membership.Create(organisation, user.Id));
    }

    private static EmailContent Content() => new("Remiss: Områdeslyft (STK-2023-137)", "Text", "<p>Html</p>");

    private Outbox NewOutbox(SqliteAppDbContext db) => new(db, _clock);

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
