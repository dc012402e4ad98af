namespace Remiss.Tests.Architecture;

using System.Reflection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;

/// <summary>Dependencies point one way: Web → Infrastructure → Domain, and the domain touches nothing outside.</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Domain = typeof(Remiss).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var outside = references.Where(name => !(name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard")).ToList();
        Assert.True(outside.Count == 0, "Remiss.Domain references " + string.Join(", ", outside));
    }

    [Theory]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.Mail")]
    [InlineData("System.Net.Sockets")]
    [InlineData("System.Data.Common")]
    [InlineData("System.IO.FileSystem")]
    [InlineData("System.Console")]
    public void Domain_DoesNotReferenceAnIoAssembly(string assembly)
    {
        Assert.DoesNotContain(assembly, Domain.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void Domain_DoesNotReferenceInfrastructureOrWeb()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(Infrastructure.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
    }

    [Fact]
    public void Infrastructure_ReferencesTheDomainButNotTheWeb()
    {
        var references = Infrastructure.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains(Domain.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
    }

    [Fact]
    public void Web_ReferencesInfrastructure()
    {
        Assert.Contains(Infrastructure.GetName().Name, Web.GetReferencedAssemblies().Select(a => a.Name));
    }
}
