brand = Redress
