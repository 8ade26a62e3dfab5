using Actors.Grains.Accounts;

namespace Actors.UnitTests.Accounts;

public sealed class TaskIdsTests
{
    [Fact]
    public void TheSameAccountAndSequenceGiveTheSameId() =>
        Assert.Equal(TaskIds.For("acct-1", 7), TaskIds.For("acct-1", 7));

    [Fact]
    public void AnotherSequenceOrAccountGivesAnotherId()
    {
        var ids = new[] { TaskIds.For("acct-1", 1), TaskIds.For("acct-1", 2), TaskIds.For("acct-2", 1), TaskIds.For("acct-12", 1) };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void IdsAreVersion8Rfc9562Uuids()
    {
        var text = TaskIds.For("账号-😀", 42).ToString();

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
