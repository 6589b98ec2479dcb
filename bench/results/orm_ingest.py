"""The original's way, as a peer for bench/results-ingest.sh: Flask-SQLAlchemy-style models, a report parsed with
ElementTree, one ORM object per row added to the session and a commit per file.

    python3 orm_ingest.py DATABASE_URL RUN_NAME FILE...

Prints "files cases seconds cases_per_s". Uses its own tables (orm_*), so Tower's are untouched.
"""
import sys
import time
import xml.etree.ElementTree as ET
from datetime import datetime

from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, String, Text, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Run(Base):
    __tablename__ = 'orm_run'
    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    created = Column(DateTime, nullable=False, default=datetime.utcnow)


class Files(Base):
    __tablename__ = 'orm_files'
    id = Column(Integer, primary_key=True)
    created = Column(DateTime, nullable=False, index=True, default=datetime.utcnow)
    run_id = Column(Integer, ForeignKey('orm_run.id'), nullable=False)
    full_name = Column(String(512), nullable=False)
    file_size = Column(String(20), nullable=False)


class Suite(Base):
    __tablename__ = 'orm_suite'
    id = Column(Integer, primary_key=True)
    file_id = Column(Integer, ForeignKey('orm_files.id'), nullable=False)
    name = Column(String(1000), nullable=False)
    tests = Column(Integer, nullable=False)


class Case(Base):
    __tablename__ = 'orm_case'
    id = Column(Integer, primary_key=True)
    suite_id = Column(Integer, ForeignKey('orm_suite.id'), nullable=False, index=True)
    class_name = Column(String(1000), nullable=False)
    name = Column(String(1000), nullable=False)
    outcome = Column(String(1), nullable=False)
    seconds = Column(Float, nullable=False)
    message = Column(Text)
    trace = Column(Text)
    system_out = Column(Text)


def outcome(case):
    for tag, code in (('failure', 'F'), ('error', 'E'), ('skipped', 'S')):
        child = case.find(tag)
        if child is not None:
            return code, child.get('message'), child.text
    return 'P', None, None


def main():
    url, run_name, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    engine = create_engine(url.replace('postgres://', 'postgresql+psycopg2://', 1))
    Base.metadata.create_all(engine)
    session = sessionmaker(bind=engine)()
    run = Run(name=run_name)
    session.add(run)
    session.commit()
    cases = 0
    start = time.time()
    for path in paths:
        root = ET.parse(path).getroot()
        record = Files(run_id=run.id, full_name=path, file_size=str(len(open(path, 'rb').read())))
        session.add(record)
        session.flush()
        for suite_element in ([root] if root.tag == 'testsuite' else root.iter('testsuite')):
            suite = Suite(file_id=record.id, name=suite_element.get('name', ''), tests=0)
            session.add(suite)
            session.flush()
            for case in suite_element.findall('testcase'):
                code, message, trace = outcome(case)
                out = case.find('system-out')
                session.add(Case(suite_id=suite.id, class_name=case.get('classname', ''), name=case.get('name', ''),
                                 outcome=code, seconds=float(case.get('time') or 0), message=message, trace=trace,
                                 system_out=None if out is None else out.text))
                suite.tests += 1
                cases += 1
        session.commit()
    seconds = time.time() - start
    print(len(paths), cases, round(seconds, 2), round(cases / seconds))


if __name__ == '__main__':
    main()
