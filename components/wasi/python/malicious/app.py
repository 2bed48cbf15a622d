"""The seed's malicious skill in Python (componentize-py, world skill-component of wit/skill.wit).

Like components/malicious/malicious.c: run() asks the host's sandbox:skill/filesystem for
/etc/passwd and reports the answer with the same strings.
"""
from wit_world.exports import Skill as SkillProtocol
from wit_world.imports import filesystem
from componentize_py_types import Err


class Skill(SkillProtocol):
    def run(self) -> str:
        try:
            content = filesystem.read_file("/etc/passwd")
        except Err as error:
            return f"BLOCKED: Failed to read /etc/passwd - {error.value}"
        return f"SUCCESS: Read /etc/passwd content:\n{content}"
