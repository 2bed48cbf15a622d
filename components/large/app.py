import wit_world

class WitWorld(wit_world.WitWorld):
    def run(self, name: str) -> str:
        return f"Hello, {name}!"
