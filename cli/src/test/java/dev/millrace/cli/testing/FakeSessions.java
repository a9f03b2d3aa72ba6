package dev.millrace.cli.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A session factory handing out fakes made by a supplier, remembering each it opened. */
final class FakeSessions implements CaseSessionFactory {
  final List<FakeSession> opened = new ArrayList<>();
  private final Supplier<FakeSession> make;

  FakeSessions(Supplier<FakeSession> make) {
    this.make = make;
  }

  @Override
  public CaseSession open(Map<String, Object> properties) {
    FakeSession session = make.get();
    session.properties = properties;
    opened.add(session);
    return session;
  }
}
