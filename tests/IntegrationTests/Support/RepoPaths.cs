namespace Actors.IntegrationTests.Support;

/// <summary>Where the built silo, Web API and command line are, relative to the repository the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Actors.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The silo's entry assembly.</summary>
    public static string SiloDll => Output("Silo", "Actors.Silo.dll");

    /// <summary>The Web API's entry assembly.</summary>
    public static string WebApiDll => Output("WebApi", "Actors.WebApi.dll");

    /// <summary>The command line's entry assembly.</summary>
    public static string CliDll => Output(Path.Combine("ops", "cli"), "actors.dll");

    private static string Output(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution ({Configuration}) first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
