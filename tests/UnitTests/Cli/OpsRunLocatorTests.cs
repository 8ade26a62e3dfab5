using Actors.Cli.Serve;

namespace Actors.UnitTests.Cli;

public sealed class OpsRunLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actors-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void OpsRunIsFoundInTheCheckoutAboveAFolder()
    {
        var deep = Directory.CreateDirectory(Path.Combine(_root, "checkout", "ops", "cli", "bin", "Release", "net10.0")).FullName;
        File.WriteAllText(Path.Combine(_root, "checkout", "Actors.sln"), "");
        File.WriteAllText(Path.Combine(_root, "checkout", "ops", "run"), "#!/usr/bin/env bash");

        Assert.Equal(Path.Combine(_root, "checkout", "ops", "run"), OpsRunLocator.Find(Path.Combine(_root, "elsewhere"), deep));
    }

    [Fact]
    public void AFolderOutsideAnyCheckoutFindsNothing()
    {
        var lone = Directory.CreateDirectory(Path.Combine(_root, "ops")).FullName;
        File.WriteAllText(Path.Combine(lone, "run"), "not a checkout: no Actors.sln beside ops/");

        Assert.Null(OpsRunLocator.Find(lone));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
