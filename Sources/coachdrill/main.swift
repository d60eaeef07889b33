print("coachdrill")
